package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detect.condition.Condition;
import io.vigil.detect.condition.ConditionException;
import io.vigil.detect.condition.ConditionParser;
import io.vigil.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The condition grammar, and conditions evaluated over three selections a, b, c with known truth values. */
class ConditionTest {

    /** Event on which sel_a and sel_b are true, filter_c false. */
    private static final Event EVENT = Rules.sysmon(1, "A", "1", "B", "1", "C", "0");
    private static final String SELECTIONS = """
            sel_a:
              A: '1'
            sel_b:
              B: '1'
            filter_c:
              C: '1'
            _hidden:
              C: '1'
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "sel_a; true",
            "filter_c; false",
            "sel_a and sel_b; true",
            "sel_a and filter_c; false",
            "sel_a and not filter_c; true",
            "filter_c or sel_b; true",
            "not sel_a or sel_b and filter_c; false",
            "not (sel_a and filter_c); true",
            "not not sel_a; true",
            "1 of sel_*; true",
            "all of sel_*; true",
            "any of filter_*; false",
            "all of them; false",
            "1 of them; true",
            "2 of them; true",
            "3 of them; false",
            "all of sel_* and not 1 of filter_*; true",
            "(sel_a or filter_c) and (sel_b); true",
            "1 of _*; false",
    })
    void conditionsCombineSelectionsWithSigmaPrecedence(String condition, boolean expected) {
        assertThat(Rules.fires(SELECTIONS + "condition: " + condition, EVENT)).isEqualTo(expected);
    }

    @Test
    void themExcludesUnderscoreIdentifiersButUnderscorePatternsSelectThem() {
        Event onlyC = Rules.sysmon(1, "C", "1");
        assertThat(Rules.fires(SELECTIONS + "condition: all of them", onlyC)).isFalse();
        assertThat(Rules.fires(SELECTIONS + "condition: 1 of _*", onlyC)).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(ConditionParser.parse("a or b and c")).isEqualTo(new Condition.Or(java.util.List.of(
                new Condition.Identifier("a"),
                new Condition.And(java.util.List.of(new Condition.Identifier("b"), new Condition.Identifier("c"))))));
    }

    @Test
    void severalConditionsAreAlternatives() {
        assertThat(Rules.fires(SELECTIONS + "condition:\n  - filter_c\n  - sel_a", EVENT)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"sel and", "(sel", "sel)", "not", "1 of", "sel | count() > 5", "0 of sel*", "and sel", "x of y"})
    void malformedConditionsAreRejectedWithAReason(String condition) {
        assertThatThrownBy(() -> ConditionParser.parse(condition)).isInstanceOf(ConditionException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void unknownIdentifiersRejectTheRuleWithTheConditionLine() {
        RuleSet.Compiled c = Rules.compile(Rules.processRule("sel:\n  A: 1\ncondition: sel and nothere"));
        assertThat(c.ruleSet().size()).isZero();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).contains("nothere");
            assertThat(p.line()).isEqualTo(9);
        });
    }
}
