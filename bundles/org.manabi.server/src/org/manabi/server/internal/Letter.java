package org.manabi.server.internal;

import org.manabi.server.Email;
import org.manabi.store.OwedMails.Notice;
import org.manabi.store.StoreException;

/**
 * What a mail owed says when it is sent, or why it is not sent: the row it tells of no longer holds an
 * address (the person's data was removed), or the use of the person's data is suspended.
 *
 * @param email   the mail, or {@code null} when it is not sent
 * @param skipped why it is not sent, for the log
 */
public record Letter(Email email, String skipped) {

    public static Letter of(Email email) {
        return new Letter(email, null);
    }

    public static Letter skipped(String why) {
        return new Letter(null, why);
    }

    /** Not sent because the use of the person's data is suspended. */
    public static Letter withheld() {
        return skipped("withheld: the use of the person's data is suspended");
    }

    /** Not sent because the row the mail tells of holds no address any more. */
    public static Letter noAddress() {
        return skipped("not sent: no address is held any more");
    }

    /** Writes the mails owed about one kind of row, from the row as it stands when the mail is sent. */
    @FunctionalInterface
    public interface Writer {
        Letter write(Notice notice) throws StoreException;
    }
}
