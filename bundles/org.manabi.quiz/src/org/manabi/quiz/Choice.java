package org.manabi.quiz;

/** A choice of a choice question; {@code correct} and {@code feedback} are keys, shown only in review. */
public record Choice(String id, String text, boolean correct, String feedback) {
}
