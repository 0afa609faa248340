package org.manabi.store;

/**
 * The number of seats of each pool, as the curriculum says. The store asks inside the transaction
 * that takes a seat, so a capacity raised in the curriculum lets people in from the waiting list at
 * the next change of that seminar.
 */
@FunctionalInterface
public interface SeatLimits {

    /** The seats of {@code pool} of the seminar, or {@code null} when the number is not decided (no limit). */
    Integer capacity(String seminarId, Pool pool);
}
