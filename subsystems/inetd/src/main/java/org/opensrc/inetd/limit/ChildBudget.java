package org.opensrc.inetd.limit;

/** The global cap on children of all services together; 0 = no cap. */
public record ChildBudget(int maxTotal) {
    public ChildBudget {
        if (maxTotal < 0) {
            throw new IllegalArgumentException("negative cap");
        }
    }

    public boolean hasRoom(int totalRunning) {
        return maxTotal == 0 || totalRunning < maxTotal;
    }
}
