package org.manabi.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The order in which one attempt shows its questions and their choices. Drawn once when the
 * attempt starts and stored with it, so a reload (or another node) shows the same order.
 *
 * @param items the item ids in the order shown
 * @param choices per choice question, its choice ids in the order shown
 */
public record Order(List<String> items, Map<String, List<String>> choices) {

    public Order {
        items = List.copyOf(items);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        choices.forEach((item, ids) -> copy.put(item, List.copyOf(ids)));
        choices = Collections.unmodifiableMap(copy);
    }

    /** The order of a new attempt at {@code paper}: shuffled where the paper says so. */
    public static Order draw(Paper paper, RandomGenerator random) {
        List<String> items = new ArrayList<>(paper.items().stream().map(Item::id).toList());
        if (paper.shuffleQuestions()) {
            shuffle(items, random);
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (Item item : paper.items()) {
            if (!item.choices().isEmpty()) {
                List<String> ids = new ArrayList<>(item.choices().stream().map(Choice::id).toList());
                if (paper.shuffleChoices()) {
                    shuffle(ids, random);
                }
                choices.put(item.id(), ids);
            }
        }
        return new Order(items, choices);
    }

    /**
     * The items of {@code paper} in this order. Items added to the curriculum after the attempt
     * started come last; items removed since are left out.
     */
    public List<Item> arrange(Paper paper) {
        List<Item> arranged = new ArrayList<>();
        items.forEach(id -> paper.item(id).ifPresent(arranged::add));
        paper.items().stream().filter(item -> !items.contains(item.id())).forEach(arranged::add);
        return arranged;
    }

    /** The choices of {@code item} in this order, with the same rule for added and removed ones. */
    public List<Choice> arrange(Item item) {
        List<String> ids = choices.getOrDefault(item.id(), List.of());
        List<Choice> arranged = new ArrayList<>();
        for (String id : ids) {
            item.choices().stream().filter(choice -> choice.id().equals(id)).findFirst().ifPresent(arranged::add);
        }
        item.choices().stream().filter(choice -> !ids.contains(choice.id())).forEach(arranged::add);
        return arranged;
    }

    /**
     * The order as text to store: a line per item, its id followed by its choice ids, separated by
     * tabs (ids never hold tabs or line breaks: they are XML attribute values without them).
     */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (String item : items) {
            text.append(item);
            choices.getOrDefault(item, List.of()).forEach(id -> text.append('\t').append(id));
            text.append('\n');
        }
        return text.toString();
    }

    /** The order {@link #encode()} wrote. */
    public static Order decode(String text) {
        List<String> items = new ArrayList<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] ids = line.split("\t");
            items.add(ids[0]);
            if (ids.length > 1) {
                choices.put(ids[0], List.of(ids).subList(1, ids.length));
            }
        }
        return new Order(items, choices);
    }

    // Fisher-Yates over the given generator (Collections.shuffle wants a java.util.Random)
    private static void shuffle(List<String> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
