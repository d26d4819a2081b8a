package org.zhengpaopao.workflow;

import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;

/**
 * What a Camunda Form submitted, read from the task or the execution. A value the form may not send is refused with
 * {@link InvalidInputException} naming the field, which fails the completion: the task stays open and engine REST
 * answers 400 with the message.
 */
public final class FormValues {

	private FormValues() {
	}

	/** The value as text; null when there is none. */
	public static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	/**
	 * A yes/no answer that may be left unanswered: yes only when {@code true}, from a checkbox (a boolean) or a
	 * radio group ("true").
	 */
	public static boolean yes(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	/** A yes/no answer that must be given: a boolean or "true"/"false"; else refused with {@code zh}. */
	public static boolean flag(VariableScope scope, String name, String zh) {
		Object value = scope.getVariable(name);
		if (value instanceof Boolean b) {
			return b;
		}
		if ("true".equals(value) || "false".equals(value)) {
			return Boolean.parseBoolean((String) value);
		}
		throw new InvalidInputException(name, zh, "choose yes or no");
	}

	/** One of the form's options; else refused with {@code zh} / {@code en}. */
	public static String choice(VariableScope scope, String name, Set<String> options, String zh, String en) {
		String value = string(scope, name);
		if (value == null || !options.contains(value)) {
			throw new InvalidInputException(name, zh, en);
		}
		return value;
	}

	/**
	 * A note or reason, checked as {@link Text} checks it (within {@code maxLength}, line breaks allowed, no control
	 * characters); null when empty.
	 */
	public static String note(VariableScope scope, String name, int maxLength) {
		String text = Text.optional(string(scope, name), name, maxLength, true);
		return text.isEmpty() ? null : text;
	}
}
