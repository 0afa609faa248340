package org.manabi.store;

import java.time.Instant;

/**
 * A receipt (a qualified invoice under Japan's invoice system) for a paid registration.
 *
 * @param number         the receipt number: 1, 2, 3 … without gaps, in the order receipts were issued
 * @param amountYen      the fee paid, consumption tax included
 * @param taxRatePercent the consumption-tax rate of the fee (10 for seminar fees)
 * @param taxYen         the tax contained in {@code amountYen}, rounded down once for the receipt
 * @param issuedBy       the staff member who recorded the payment
 */
public record Receipt(long number, long registrationId, String seminarId, String addressee, String description,
        int amountYen, int taxRatePercent, int taxYen, Instant issuedAt, String issuedBy) {
}
