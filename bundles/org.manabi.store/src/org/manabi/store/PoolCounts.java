package org.manabi.store;

/** How many hold a seat in a pool and how many wait for one. */
public record PoolCounts(int confirmed, int waiting) {

    public static final PoolCounts NONE = new PoolCounts(0, 0);
}
