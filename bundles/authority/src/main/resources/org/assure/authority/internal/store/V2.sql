-- Version 2: what the management server needs to accept its devices' management channels (draft §11.3):
-- the management key the Trusted Authority certified for the device (an authenticated key, CBOR) and the
-- device's own public key (DER SubjectPublicKeyInfo) when it has one.
ALTER TABLE ms_devices ADD COLUMN management_key ${bytes};
ALTER TABLE ms_devices ADD COLUMN device_key ${bytes}
