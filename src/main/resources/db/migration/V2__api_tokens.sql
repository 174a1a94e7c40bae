-- API tokens: the secret is shown once; only SHA-256(secret) is kept. capabilities is a comma list (e.g. metrics).
CREATE TABLE api_tokens (
  id VARCHAR(32) PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  role VARCHAR(20) NOT NULL,
  capabilities VARCHAR(200) NOT NULL DEFAULT '',
  owner VARCHAR(100) NOT NULL REFERENCES users(name),
  secret_sha256 BINARY(32) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  revoked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX api_tokens_owner ON api_tokens(owner);
