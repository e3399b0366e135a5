-- Version 1 of the authority's schema. ${bytes} is the dialect's byte-string type (Dialect.translate).
-- Secrets (private keys, device secrets, case ids) are stored only sealed by the Identity Service's AtRestCipher.
CREATE TABLE authority_keys (
    name VARCHAR(32) PRIMARY KEY,
    key_id VARCHAR(36) NOT NULL,
    public_key ${bytes} NOT NULL,
    private_sealed ${bytes} NOT NULL,
    certificate ${bytes}
);
CREATE TABLE parameter_sets (
    id VARCHAR(36) PRIMARY KEY,
    manufacturer VARCHAR(64) NOT NULL,
    data ${bytes} NOT NULL
);
CREATE TABLE management_systems (
    mgmt_id VARCHAR(40) PRIMARY KEY,
    key_id VARCHAR(36) NOT NULL UNIQUE,
    public_key ${bytes} NOT NULL,
    certificate ${bytes} NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE devices (
    id VARCHAR(36) PRIMARY KEY,
    manufacturer VARCHAR(64) NOT NULL,
    bootstrap_server BIGINT NOT NULL,
    key_format INTEGER NOT NULL,
    public_key ${bytes},
    secret_sealed ${bytes},
    case_sealed ${bytes} NOT NULL,
    parameter_set VARCHAR(36),
    capabilities INTEGER NOT NULL,
    owner VARCHAR(40),
    owner_sequence BIGINT NOT NULL,
    owner_information ${bytes},
    config_keys ${bytes},
    bootstrap_key ${bytes},
    bootstrap_image ${bytes},
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX devices_owner ON devices (owner);
CREATE TABLE ms_devices (
    id VARCHAR(36) PRIMARY KEY,
    status INTEGER NOT NULL,
    replaced_by VARCHAR(36),
    disabled BOOLEAN NOT NULL,
    info ${bytes},
    payload ${bytes},
    updated_at TIMESTAMP NOT NULL
)
