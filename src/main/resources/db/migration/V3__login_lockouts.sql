-- Failed-login counters and lockouts, keyed by 'user:<name>' or 'addr:<ip>', so lockouts survive a restart.
CREATE TABLE login_lockouts (
  lock_key VARCHAR(300) PRIMARY KEY,
  failures INT NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE
);
