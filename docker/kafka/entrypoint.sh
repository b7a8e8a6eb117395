#!/usr/bin/env bash
# Runs a single-node KRaft Kafka (one process: broker and controller) as Apache Kafka's own server (kafka.Kafka) does.
# Writes server.properties at each start from the variables below; on the first start it formats the data volume
# with a new cluster id (or KAFKA_CLUSTER_ID), later starts keep its topics, offsets and producer ids.
#
#   KAFKA_ADVERTISED_HOST   the name clients reach the broker by (default: the container's host name)
#   KAFKA_NUM_PARTITIONS    partitions of topics created without a count (default 6)
#   KAFKA_CLUSTER_ID        the cluster id to format a new volume with (default: a random one)
#   KAFKA_HEAP_OPTS, KAFKA_JVM_OPTS   JVM options
set -euo pipefail

DATA=/var/lib/kafka/data
CONFIG=/opt/kafka/config/server.properties
CLASSPATH="/opt/kafka/libs/*"
export CLASSPATH
advertised_host=${KAFKA_ADVERTISED_HOST:-$(hostname)}

cat > "$CONFIG" <<PROPERTIES
# written at each start by kafka-entrypoint
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
# clients in the compose network on 9092; the controller listener stays on the container's loopback
listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://localhost:9093
advertised.listeners=PLAINTEXT://${advertised_host}:9092
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${DATA}
num.partitions=${KAFKA_NUM_PARTITIONS:-6}
auto.create.topics.enable=true
# one broker: internal topics cannot be replicated
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# report-service rebuilds its read models from the topics: nothing is ever deleted
log.retention.ms=-1
PROPERTIES

if [ ! -f "$DATA/meta.properties" ]; then
    cluster_id=${KAFKA_CLUSTER_ID:-$(java -cp "$CLASSPATH" kafka.tools.StorageTool random-uuid)}
    echo "kafka-entrypoint: formatting $DATA for cluster $cluster_id"
    java -cp "$CLASSPATH" kafka.tools.StorageTool format --cluster-id "$cluster_id" --config "$CONFIG"
fi

echo "kafka-entrypoint: starting the broker, advertised as ${advertised_host}:9092"
# shellcheck disable=SC2086 # the option variables hold several options each
exec java $KAFKA_HEAP_OPTS $KAFKA_JVM_OPTS -cp "$CLASSPATH" kafka.Kafka "$CONFIG"
