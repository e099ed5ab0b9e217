package org.opensrc.srcmstr.supervise;

/** Identity of one instance of a subsystem; ids grow, so they also give the start order. */
public record InstanceId(long value) implements Comparable<InstanceId> {

    public InstanceId {
        if (value <= 0) {
            throw new IllegalArgumentException("instance id must be positive: " + value);
        }
    }

    @Override
    public int compareTo(InstanceId other) {
        return Long.compare(value, other.value);
    }
}
