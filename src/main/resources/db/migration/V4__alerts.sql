-- Alerts raised by detection. The id is derived from the rule and the event(s), so replaying the journal
-- after a crash re-raises the same ids and inserts nothing twice.
CREATE TABLE alerts (
  id VARCHAR(64) PRIMARY KEY,
  rule_id VARCHAR(200) NOT NULL,
  rule_title VARCHAR(1000) NOT NULL,
  level VARCHAR(20) NOT NULL,
  tags VARCHAR(8000) NOT NULL,
  event_ids CLOB NOT NULL,
  host VARCHAR(1000),
  user_name VARCHAR(1000),
  event_time TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  status VARCHAR(20) NOT NULL,
  status_by VARCHAR(100),
  status_at TIMESTAMP WITH TIME ZONE,
  details CLOB
);
CREATE INDEX alerts_event_time ON alerts(event_time);
CREATE INDEX alerts_rule ON alerts(rule_id);
CREATE INDEX alerts_host ON alerts(host);
CREATE INDEX alerts_status ON alerts(status);

-- Rules an analyst switched off; everything else loaded is on.
CREATE TABLE disabled_rules (
  rule_id VARCHAR(200) PRIMARY KEY,
  disabled_by VARCHAR(100) NOT NULL,
  disabled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
