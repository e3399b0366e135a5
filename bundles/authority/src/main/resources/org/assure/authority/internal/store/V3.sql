-- Version 3: what the management server needs to plan and push data channels (draft §13): the device's
-- capabilities from its configuration data (bit 0 EC, bit 1 RSA) and the address its last presence came from
-- (an aSSURE address, CBOR), which is where its management port answers.
ALTER TABLE ms_devices ADD COLUMN capabilities INTEGER;
ALTER TABLE ms_devices ADD COLUMN presence_address ${bytes}
