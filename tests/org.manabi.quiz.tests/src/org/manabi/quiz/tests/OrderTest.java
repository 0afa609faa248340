package org.manabi.quiz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.manabi.quiz.Choice;
import org.manabi.quiz.Item;
import org.manabi.quiz.Order;
import org.manabi.quiz.Paper;
import org.manabi.quiz.Review;

class OrderTest {

    private static Paper paper(boolean shuffleQuestions, boolean shuffleChoices) {
        List<Item> items = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            items.add(new Item.SingleChoice("q" + i, "?", 1, null, List.of(),
                    List.of(new Choice("q" + i + "a", "A", true, null), new Choice("q" + i + "b", "B", false, null),
                            new Choice("q" + i + "c", "C", false, null), new Choice("q" + i + "d", "D", false, null))));
        }
        items.add(new Item.TrueFalse("tf", "?", 1, null, List.of(), true));
        return new Paper("quiz", "seminar", "Quiz", true, 1, null, 60, shuffleQuestions, shuffleChoices,
                Review.DEFAULT, items);
    }

    @Test
    void withoutShufflingTheAuthoredOrder() {
        Paper paper = paper(false, false);
        Order order = Order.draw(paper, new Random(1));
        assertEquals(paper.items(), order.arrange(paper));
        assertEquals(List.of("q1a", "q1b", "q1c", "q1d"), order.choices().get("q1"));
    }

    @Test
    void shufflingDrawsDifferentOrdersOfTheSameItems() {
        Paper paper = paper(true, true);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Order order = Order.draw(paper, random);
            assertEquals(Set.copyOf(paper.items()), Set.copyOf(order.arrange(paper)), "seed " + seed);
            orders.add(order.items());
        }
        assertNotEquals(1, orders.size(), "seed " + seed);
    }

    @Test
    void theStoredTextGivesBackTheSameOrder() {
        Paper paper = paper(true, true);
        Order order = Order.draw(paper, new Random(7));
        Order again = Order.decode(order.encode());
        assertEquals(order, again);
        assertEquals(order.arrange(paper), again.arrange(paper));
        assertEquals(order.arrange(paper.items().get(0)), again.arrange(paper.items().get(0)));
    }

    @Test
    void itemsAddedAfterTheStartComeLastAndRemovedOnesGo() {
        Paper paper = paper(false, false);
        Order stored = new Order(List.of("tf", "gone", "q2"), Map.of("q2", List.of("q2d", "q2gone", "q2a")));
        List<String> ids = stored.arrange(paper).stream().map(Item::id).toList();
        assertEquals(List.of("tf", "q2", "q1", "q3", "q4", "q5", "q6", "q7", "q8"), ids);
        assertEquals(List.of("q2d", "q2a", "q2b", "q2c"),
                stored.arrange(paper.items().get(1)).stream().map(Choice::id).toList());
    }
}
