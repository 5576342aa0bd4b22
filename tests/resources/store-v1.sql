-- A store made before Alembic (schema version 1) by the code of commit 077957f: process_corpus over
-- two short articles written for tests/test_migrations.py, then `sqlite3 store.db .dump`.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO meta VALUES('schema_version','1');
CREATE TABLE documents (
	id TEXT NOT NULL, 
	source TEXT NOT NULL, 
	url TEXT, 
	title TEXT, 
	published VARCHAR(10), 
	text TEXT NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	fingerprint VARCHAR(64) NOT NULL, 
	versions JSON, 
	PRIMARY KEY (id)
);
INSERT INTO documents VALUES('a1.txt','/tmp/h5/v1arts/a1.txt','https://example.org/news/ministers-meet-in-hanoi','Vietnamese and Japanese ministers hold talks in Hanoi','2025-03-12',replace('HANOI, March 12 -- Japan and Vietnam held talks in Hanoi on March 11, the two governments said on Wednesday.\n\nJapan and Vietnam agreed to hold a strategic dialogue in Tokyo in 2026, according to a statement from the Vietnamese foreign ministry.','\n',char(10)),'00a53ad1dcdba4a4a3a90c069f4288476ed88b037b8c85c807ca7d86f305b610','c5f8e4c1f1138a61e478f4bbf895f952ab51974d39603a6dd7ef9bad2bea26c5','null');
INSERT INTO documents VALUES('a2.txt','/tmp/h5/v1arts/a2.txt','https://example.org/news/hanoi-dialogue-follow-up','Japan and Vietnam wrap up strategic dialogue','2025-03-13',replace('TOKYO, March 13 -- Japan and Vietnam held the second round of their strategic dialogue in Hanoi on March 11, the Japanese government said on Wednesday.\n\nBoth sides discussed maritime security and trade.','\n',char(10)),'1df7629ce6f8d4d4c30736485736893674d026ead93b0af0a7c1aa2b6069c198','2d99d48fa0d011dae999e8b1aff1dc1e89a3b7d1b8cf357a7591f558d47048d9','null');
CREATE TABLE actors (
	id TEXT NOT NULL, 
	type VARCHAR(16) NOT NULL, 
	code TEXT, 
	name TEXT NOT NULL, 
	country VARCHAR(8), 
	role TEXT, 
	members JSON, 
	PRIMARY KEY (id)
)
 WITHOUT ROWID

;
INSERT INTO actors VALUES('place:Hanoi@VNM','place',NULL,'Hanoi','VNM',NULL,'null');
INSERT INTO actors VALUES('place:Tokyo@JPN','place',NULL,'Tokyo','JPN',NULL,'null');
INSERT INTO actors VALUES('state:JPN','state','JPN','Japan',NULL,NULL,'null');
INSERT INTO actors VALUES('state:VNM','state','VNM','Vietnam',NULL,NULL,'null');
CREATE TABLE mechanisms (
	id VARCHAR(32) NOT NULL, 
	kind TEXT NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	parties_key TEXT NOT NULL, 
	name TEXT, 
	confidence FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_mechanisms_kind_parties_status UNIQUE (kind, parties_key, status)
);
CREATE TABLE mentions (
	document_id TEXT NOT NULL, 
	actor_id TEXT NOT NULL, 
	start_char INTEGER NOT NULL, 
	end_char INTEGER NOT NULL, 
	sentence INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	via VARCHAR(16) NOT NULL, 
	PRIMARY KEY (document_id, actor_id, start_char), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(actor_id) REFERENCES actors (id)
)
 WITHOUT ROWID

;
INSERT INTO mentions VALUES('a1.txt','place:Hanoi@VNM',0,5,0,'HANOI','dateline');
INSERT INTO mentions VALUES('a1.txt','place:Hanoi@VNM',51,56,0,'Hanoi','name');
INSERT INTO mentions VALUES('a1.txt','place:Tokyo@JPN',167,172,1,'Tokyo','name');
INSERT INTO mentions VALUES('a1.txt','state:JPN',19,24,0,'Japan','name');
INSERT INTO mentions VALUES('a1.txt','state:JPN',110,115,1,'Japan','name');
INSERT INTO mentions VALUES('a1.txt','state:VNM',29,36,0,'Vietnam','name');
INSERT INTO mentions VALUES('a1.txt','state:VNM',120,127,1,'Vietnam','name');
INSERT INTO mentions VALUES('a1.txt','state:VNM',216,226,1,'Vietnamese','demonym');
INSERT INTO mentions VALUES('a2.txt','place:Hanoi@VNM',90,95,0,'Hanoi','name');
INSERT INTO mentions VALUES('a2.txt','place:Tokyo@JPN',0,5,0,'TOKYO','dateline');
INSERT INTO mentions VALUES('a2.txt','state:JPN',19,24,0,'Japan','name');
INSERT INTO mentions VALUES('a2.txt','state:JPN',113,121,0,'Japanese','demonym');
INSERT INTO mentions VALUES('a2.txt','state:VNM',29,36,0,'Vietnam','name');
CREATE TABLE mechanism_parties (
	mechanism_id VARCHAR(32) NOT NULL, 
	party VARCHAR(8) NOT NULL, 
	PRIMARY KEY (mechanism_id, party), 
	FOREIGN KEY(mechanism_id) REFERENCES mechanisms (id) ON DELETE CASCADE
)
 WITHOUT ROWID

;
CREATE TABLE mechanism_reports (
	id INTEGER NOT NULL, 
	mechanism_id VARCHAR(32) NOT NULL, 
	document_id TEXT NOT NULL, 
	position INTEGER NOT NULL, 
	local_id TEXT, 
	name TEXT, 
	confidence FLOAT NOT NULL, 
	evidence JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(mechanism_id) REFERENCES mechanisms (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE events (
	id VARCHAR(32) NOT NULL, 
	kind TEXT NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	parties_key TEXT NOT NULL, 
	n_parties INTEGER NOT NULL, 
	date VARCHAR(10), 
	date_end VARCHAR(10), 
	date_lo VARCHAR(10), 
	date_hi VARCHAR(10), 
	city TEXT, 
	country VARCHAR(8), 
	ordinal INTEGER, 
	people JSON NOT NULL, 
	topics JSON NOT NULL, 
	mechanism_id VARCHAR(32), 
	confidence FLOAT NOT NULL, 
	conflicts JSON NOT NULL, 
	year INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(mechanism_id) REFERENCES mechanisms (id) ON DELETE SET NULL
);
INSERT INTO events VALUES('ev_bd094c6da170a3ad','bilateral talks','occurred','JPN|VNM',2,'2025-03-11',NULL,'2025-03-11','2025-03-11','Hanoi','VNM',NULL,'[]','[]',NULL,0.69999999999999995559,'[]',2025);
CREATE TABLE event_parties (
	event_id VARCHAR(32) NOT NULL, 
	party VARCHAR(8) NOT NULL, 
	PRIMARY KEY (event_id, party), 
	FOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE
)
 WITHOUT ROWID

;
INSERT INTO event_parties VALUES('ev_bd094c6da170a3ad','JPN');
INSERT INTO event_parties VALUES('ev_bd094c6da170a3ad','VNM');
CREATE TABLE event_reports (
	id INTEGER NOT NULL, 
	event_id VARCHAR(32) NOT NULL, 
	document_id TEXT NOT NULL, 
	position INTEGER NOT NULL, 
	kind TEXT NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	parties_key TEXT NOT NULL, 
	date VARCHAR(10), 
	date_end VARCHAR(10), 
	city TEXT, 
	country VARCHAR(8), 
	ordinal INTEGER, 
	people JSON NOT NULL, 
	topics JSON NOT NULL, 
	mechanism_id VARCHAR(32), 
	confidence FLOAT NOT NULL, 
	evidence JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(event_id) REFERENCES events (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO event_reports VALUES(1,'ev_bd094c6da170a3ad','a1.txt',0,'bilateral talks','occurred','JPN|VNM','2025-03-11',NULL,'Hanoi','VNM',NULL,'[]','[]',NULL,0.69999999999999995559,'[{"quote": "HANOI, March 12 -- Japan and Vietnam held talks in Hanoi on March 11, the two governments said on Wednesday.", "start": 0, "end": 108}]');
CREATE INDEX ix_actors_type ON actors (type);
CREATE INDEX ix_mechanisms_status ON mechanisms (status);
CREATE INDEX ix_mentions_actor ON mentions (actor_id);
CREATE INDEX ix_mechanism_parties_party ON mechanism_parties (party, mechanism_id);
CREATE INDEX ix_mechanism_reports_mechanism ON mechanism_reports (mechanism_id);
CREATE INDEX ix_mechanism_reports_document ON mechanism_reports (document_id);
CREATE INDEX ix_events_kind_year_size ON events (kind, year, n_parties);
CREATE INDEX ix_events_status ON events (status);
CREATE INDEX ix_events_mechanism ON events (mechanism_id);
CREATE INDEX ix_events_date_lo ON events (date_lo);
CREATE INDEX ix_events_date_hi ON events (date_hi);
CREATE INDEX ix_events_kind_parties ON events (kind, parties_key, year);
CREATE INDEX ix_event_parties_party ON event_parties (party, event_id);
CREATE INDEX ix_event_reports_event ON event_reports (event_id);
CREATE INDEX ix_event_reports_document ON event_reports (document_id);
COMMIT;
