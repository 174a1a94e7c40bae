-- Incidents: alerts grouped by host/user/time window. The incident id is derived from the alert that
-- opened it, and incident_alerts is keyed by alert id, so a replayed alert never joins (or opens) twice.
CREATE TABLE incidents (
  id VARCHAR(64) PRIMARY KEY,
  title VARCHAR(1000) NOT NULL,
  level VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  assignee VARCHAR(200),
  hosts VARCHAR(8000) NOT NULL,
  users VARCHAR(8000) NOT NULL,
  tags VARCHAR(8000) NOT NULL,
  first_event_time TIMESTAMP WITH TIME ZONE NOT NULL,
  last_event_time TIMESTAMP WITH TIME ZONE NOT NULL,
  first_alert_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  contained_at TIMESTAMP WITH TIME ZONE,
  recovered_at TIMESTAMP WITH TIME ZONE,
  closed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX incidents_status ON incidents(status);
CREATE INDEX incidents_last_event ON incidents(last_event_time);

CREATE TABLE incident_alerts (
  alert_id VARCHAR(64) PRIMARY KEY,
  incident_id VARCHAR(64) NOT NULL,
  joined_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_alerts_incident ON incident_alerts(incident_id);

-- Everything that happened to an incident, in order: alerts, events, actions, comments, status moves.
CREATE TABLE incident_timeline (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  incident_id VARCHAR(64) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  kind VARCHAR(20) NOT NULL,
  actor VARCHAR(200) NOT NULL,
  text CLOB NOT NULL,
  refs VARCHAR(8000) NOT NULL
);
CREATE INDEX incident_timeline_incident ON incident_timeline(incident_id, seq);

-- Containment and notification actions requested on an incident, with approval and outcome.
CREATE TABLE incident_actions (
  id VARCHAR(64) PRIMARY KEY,
  incident_id VARCHAR(64) NOT NULL,
  action_name VARCHAR(200) NOT NULL,
  target_host VARCHAR(1000),
  alert_id VARCHAR(64),
  requested_by VARCHAR(200) NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  state VARCHAR(30) NOT NULL,
  approved_by VARCHAR(200),
  attempts INT NOT NULL,
  result CLOB,
  finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX incident_actions_incident ON incident_actions(incident_id);
