package org.manabi.exchange.internal;

/**
 * Moodle writes categories as paths below a context: {@code $course$/top/DICOM/Basics}. The model keeps the
 * part a person chose ({@code DICOM/Basics}); exports put it back below the course's top category.
 */
final class Categories {

    private static final String COURSE_TOP = "$course$/top";

    private Categories() {
    }

    /** The category of a Moodle path, or null for the top category itself. */
    static String fromMoodle(String path) {
        String category = path.strip();
        if (category.startsWith("$")) {
            int end = category.indexOf('$', 1);
            category = end < 0 ? category : category.substring(end + 1);
        }
        category = category.replaceFirst("^/+", "");
        if (category.equals("top")) {
            return null;
        }
        if (category.startsWith("top/")) {
            category = category.substring(4);
        }
        category = category.strip();
        return category.isEmpty() ? null : category;
    }

    static String toMoodle(String category) {
        return category == null || category.isBlank() ? COURSE_TOP : COURSE_TOP + "/" + category;
    }
}
