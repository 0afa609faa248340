package org.manabi.ui.internal.editor;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;
import org.manabi.ui.internal.Messages;

/**
 * Attribute values as the text a person types, and back, with the model's own conversions (the
 * factory's {@code createFromString}), so that what the editor accepts is exactly what the XMI file
 * can hold. An empty text is "no value" where the attribute allows one.
 */
final class AttributeText {

    private AttributeText() {
    }

    static String toText(EAttribute attribute, Object value) {
        if (value == null) {
            return "";
        }
        EDataType type = attribute.getEAttributeType();
        return type instanceof EEnum ? ((org.eclipse.emf.common.util.Enumerator) value).getLiteral()
                : EcoreUtil.convertToString(type, value);
    }

    /**
     * @return the value the text stands for
     * @throws IllegalArgumentException with a message that says what was expected
     */
    static Object fromText(EAttribute attribute, String text) {
        EDataType type = attribute.getEAttributeType();
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            if (type.getInstanceClass() != null && type.getInstanceClass().isPrimitive()) {
                throw new IllegalArgumentException(NLS.bind(Messages.Field_required, expected(type)));
            }
            return null;
        }
        if (type instanceof EEnum eEnum) {
            EEnumLiteral literal = eEnum.getEEnumLiteralByLiteral(stripped);
            if (literal == null) {
                throw new IllegalArgumentException(NLS.bind(Messages.Field_invalid, stripped, expected(type)));
            }
            return literal.getInstance();
        }
        try {
            return EcoreUtil.createFromString(type, stripped);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Field_invalid, stripped, expected(type)), e);
        }
    }

    /** What a valid value looks like, for the message next to a field that holds an invalid one. */
    static String expected(EDataType type) {
        Class<?> kind = type.getInstanceClass();
        if (kind == LocalTime.class) {
            return Messages.Field_expectTime;
        } else if (kind == LocalDate.class) {
            return Messages.Field_expectDate;
        } else if (kind == LocalDateTime.class) {
            return Messages.Field_expectDateTime;
        } else if (kind == YearMonth.class) {
            return Messages.Field_expectMonth;
        } else if (kind == int.class || kind == Integer.class) {
            return Messages.Field_expectWholeNumber;
        } else if (kind == double.class || kind == Double.class) {
            return Messages.Field_expectNumber;
        } else if (type instanceof EEnum eEnum) {
            return String.join(" | ", eEnum.getELiterals().stream().map(EEnumLiteral::getLiteral).toList());
        }
        return type.getName();
    }
}
