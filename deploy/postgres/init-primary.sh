#!/bin/sh
# Runs once, when the primary's data directory is created (docker-entrypoint-initdb.d).
set -e
# The replica streams from here (see start-replica.sh).
psql -v ON_ERROR_STOP=1 -U postgres -d postgres -c "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'replicator'"
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
# Through PgBouncer the app's per-connection timeouts (startup parameters) do not arrive; set them here.
psql -v ON_ERROR_STOP=1 -U postgres -d concert_tickets <<'SQL'
ALTER DATABASE concert_tickets SET statement_timeout = '5s';
ALTER DATABASE concert_tickets SET lock_timeout = '2s';
ALTER DATABASE concert_tickets SET idle_in_transaction_session_timeout = '10s';
SQL
