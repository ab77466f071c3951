#!/bin/sh
# A hot standby streaming from pg-primary, cloned with pg_basebackup -R on first start. (The test,
# server/test/topology/streaming-replica.ts, clones a stopped embedded primary by copying its files:
# the embedded Postgres ships no pg_basebackup.)
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h pg-primary -U postgres; do sleep 1; done
  PGPASSWORD=replicator pg_basebackup -h pg-primary -U replicator -D "$PGDATA" -R -X stream
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
