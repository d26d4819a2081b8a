package org.zhengpaopao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.zhengpaopao.system.InvalidInputException;

class FormValuesTests {

	final DelegateTask task = mock(DelegateTask.class);

	@Test
	void shouldReadAYesFromACheckboxOrARadioGroupAndNothingElse() {
		when(task.getVariable("checkbox")).thenReturn(true);
		when(task.getVariable("radio")).thenReturn("true");
		when(task.getVariable("no")).thenReturn("false");

		assertThat(FormValues.yes(task, "checkbox")).isTrue();
		assertThat(FormValues.yes(task, "radio")).isTrue();
		assertThat(FormValues.yes(task, "no")).isFalse();
		assertThat(FormValues.yes(task, "unanswered")).isFalse();
	}

	@Test
	void shouldRefuseAnUnansweredRequiredYesOrNoNamingTheField() {
		when(task.getVariable("approved")).thenReturn("false");

		assertThat(FormValues.flag(task, "approved", "请选择是否准予办理")).isFalse();
		assertThatThrownBy(() -> FormValues.flag(task, "truthful", "请选择核查结论")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请选择核查结论");
	}

	@Test
	void shouldAcceptOnlyTheFormsOptions() {
		when(task.getVariable("outcome")).thenReturn("issued");
		when(task.getVariable("forged")).thenReturn("approvedByMe");

		assertThat(FormValues.choice(task, "outcome", Set.of("issued", "refused"), "请选择", "choose")).isEqualTo("issued");
		assertThatThrownBy(() -> FormValues.choice(task, "forged", Set.of("issued", "refused"), "请选择", "choose"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void shouldStripANoteGiveNullWhenEmptyAndRefuseOneTooLong() {
		when(task.getVariable("note")).thenReturn("  已电话联系  ");
		when(task.getVariable("blank")).thenReturn("   ");
		when(task.getVariable("long")).thenReturn("长".repeat(11));

		assertThat(FormValues.note(task, "note", 10)).isEqualTo("已电话联系");
		assertThat(FormValues.note(task, "blank", 10)).isNull();
		assertThat(FormValues.string(task, "absent")).isNull();
		assertThatThrownBy(() -> FormValues.note(task, "long", 10)).isInstanceOf(InvalidInputException.class);
	}
}
