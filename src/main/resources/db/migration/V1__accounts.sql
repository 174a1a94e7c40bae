-- Users who log in to the console or send Basic auth; password_hash is an Argon2id PHC string.
CREATE TABLE users (
  name VARCHAR(100) PRIMARY KEY,
  password_hash VARCHAR(200) NOT NULL,
  role VARCHAR(20) NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_login_at TIMESTAMP WITH TIME ZONE
);
