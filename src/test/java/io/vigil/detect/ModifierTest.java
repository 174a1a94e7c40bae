package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Table-driven checks of value modifiers, wildcards and escaping against single-field events. */
class ModifierTest {

    private static boolean matches(String key, String yamlValue, String eventValue) {
        String body = "selection:\n  " + key + ": " + yamlValue + "\ncondition: selection";
        return Rules.fires(body, Rules.sysmon(1, "CommandLine", eventValue, "Other", "x"));
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "CommandLine; 'abc'; ABC; true",
            "CommandLine; 'abc'; abcd; false",
            "CommandLine|cased; 'abc'; ABC; false",
            "CommandLine|cased; 'abc'; abc; true",
            "CommandLine|contains; 'whoami'; cmd /c WHOAMI /all; true",
            "CommandLine|startswith; 'cmd'; CMD.exe /c; true",
            "CommandLine|startswith; 'cmd'; x cmd; false",
            "CommandLine|endswith; '.exe'; a.EXE; true",
            "CommandLine|endswith; '.exe'; a.exe2; false",
            "CommandLine; 'a*c'; aXYZc; true",
            "CommandLine; 'a?c'; abc; true",
            "CommandLine; 'a?c'; abbc; false",
            "CommandLine; 'a\\*c'; a*c; true",
            "CommandLine; 'a\\*c'; abc; false",
            "CommandLine; 'a\\?c'; a?c; true",
            "CommandLine; 'C:\\Windows\\*'; C:\\Windows*; true",
            "CommandLine; 'C:\\Windows\\*'; C:\\Windows\\x; false",
            "CommandLine; 'C:\\\\Windows'; C:\\Windows; true",
            "CommandLine; 'a\\\\*'; a\\zz; true",
            "CommandLine; 'end\\'; end\\; true",
            "CommandLine|re; '^c.d$'; cod; true",
            "CommandLine|re; '^c.d$'; COD; false",
            "CommandLine|re|i; '^c.d$'; COD; true",
            "CommandLine|re; 'b+'; aabbb; true",
            "CommandLine|re|s; 'a.b'; \"a\nb\"; true",
            "CommandLine|re; 'a.b'; \"a\nb\"; false",
            "CommandLine|re|m; '^b$'; \"a\nb\"; true",
            "CommandLine|re; '^b$'; \"a\nb\"; false",
            "CommandLine|cidr; '10.0.0.0/8'; 10.1.2.3; true",
            "CommandLine|cidr; '10.0.0.0/8'; 11.1.2.3; false",
            "CommandLine|cidr; '192.168.1.0/25'; 192.168.1.127; true",
            "CommandLine|cidr; '192.168.1.0/25'; 192.168.1.128; false",
            "CommandLine|cidr; 'fe80::/10'; fe80::1; true",
            "CommandLine|cidr; 'fe80::/10'; 2001:db8::1; false",
            "CommandLine|gt; 5; 6; true",
            "CommandLine|gt; 5; 5; false",
            "CommandLine|gte; 5; 5; true",
            "CommandLine|lt; 5; 4.5; true",
            "CommandLine|lte; 5; 6; false",
            "CommandLine|neq; 'abc'; abd; true",
            "CommandLine|neq; 'abc'; ABC; false",
            "CommandLine|hour; 13; 2024-05-06T13:14:15Z; true",
            "CommandLine|minute; 14; 2024-05-06 13:14:15.123; true",
            "CommandLine|month; 6; 2024-05-06T13:14:15Z; false",
            "CommandLine|year; 2024; 2024-05-06T13:14:15Z; true",
            "CommandLine|day; 6; 2024-05-06T13:14:15Z; true",
            "CommandLine|windash|contains; ' -enc '; x /enc y; true",
            "CommandLine|windash|contains; ' -enc '; x \u2013enc y; true",
            "CommandLine|windash|contains; ' -enc '; x +enc y; false",
            "CommandLine|contains|windash; 'a-b'; a/b; false",
    })
    void valueModifiersFollowSigmaSemantics(String key, String yamlValue, String eventValue, boolean expected) {
        assertThat(matches(key, yamlValue, eventValue)).isEqualTo(expected);
    }

    @Test
    void base64MatchesTheEncodedValue() {
        String encoded = Base64.getEncoder().encodeToString("whoami".getBytes(StandardCharsets.UTF_8));
        assertThat(matches("CommandLine|base64", "'whoami'", encoded)).isTrue();
        assertThat(matches("CommandLine|base64|contains", "'whoami'", "x " + encoded + " y")).isTrue();
    }

    @Test
    void base64OffsetFindsTheValueAtEveryAlignment() {
        for (String prefix : List.of("", "a", "ab", "abc")) {
            String encoded = Base64.getEncoder().encodeToString((prefix + "Invoke-Mimikatz and more").getBytes(StandardCharsets.UTF_8));
            assertThat(matches("CommandLine|base64offset|contains", "'Invoke-Mimikatz'", encoded))
                    .as("prefix '%s' -> %s", prefix, encoded).isTrue();
        }
        String other = Base64.getEncoder().encodeToString("Invoke-Mimi".getBytes(StandardCharsets.UTF_8));
        assertThat(matches("CommandLine|base64offset|contains", "'Invoke-Mimikatz'", other)).isFalse();
    }

    @Test
    void wideThenBase64EncodesUtf16LittleEndian() {
        String encoded = Base64.getEncoder().encodeToString("ping".getBytes(StandardCharsets.UTF_16LE));
        assertThat(matches("CommandLine|wide|base64offset|contains", "'ping'", "-enc " + encoded)).isTrue();
        assertThat(matches("CommandLine|utf16le|base64", "'ping'", encoded)).isTrue();
        String be = Base64.getEncoder().encodeToString("ping".getBytes(StandardCharsets.UTF_16BE));
        assertThat(matches("CommandLine|utf16be|base64", "'ping'", be)).isTrue();
    }

    @Test
    void allRequiresEveryValue() {
        assertThat(matches("CommandLine|contains|all", "['a1', 'b2']", "b2 x a1")).isTrue();
        assertThat(matches("CommandLine|contains|all", "['a1', 'b2']", "b2 x")).isFalse();
        assertThat(matches("CommandLine|contains", "['a1', 'b2']", "b2 x")).isTrue();
    }

    @Test
    void nullEmptyAndExistsDistinguishAbsentFromEmpty() {
        Event withEmpty = Rules.sysmon(1, "CommandLine", "");
        Event without = Rules.sysmon(1, "Image", "x");
        assertThat(Rules.fires("s:\n  CommandLine: null\ncondition: s", without)).isTrue();
        assertThat(Rules.fires("s:\n  CommandLine: null\ncondition: s", withEmpty)).isFalse();
        assertThat(Rules.fires("s:\n  CommandLine: ''\ncondition: s", withEmpty)).isTrue();
        assertThat(Rules.fires("s:\n  CommandLine: ''\ncondition: s", without)).isFalse();
        assertThat(Rules.fires("s:\n  CommandLine|exists: true\ncondition: s", withEmpty)).isTrue();
        assertThat(Rules.fires("s:\n  CommandLine|exists: false\ncondition: s", without)).isTrue();
    }

    @Test
    void fieldrefComparesTwoFieldsOfTheEvent() {
        Event same = Rules.sysmon(1, "Image", "C:\\a.exe", "ParentImage", "c:\\A.exe");
        Event differ = Rules.sysmon(1, "Image", "C:\\a.exe", "ParentImage", "C:\\b.exe");
        String body = "s:\n  Image|fieldref: ParentImage\ncondition: s";
        assertThat(Rules.fires(body, same)).isTrue();
        assertThat(Rules.fires(body, differ)).isFalse();
    }

    @Test
    void expandSubstitutesConfiguredPlaceholders() {
        String rule = Rules.processRule("s:\n  User|expand: '%admins%'\ncondition: s");
        RuleSet rules = Rules.compile(rule, Map.of("admins", List.of("alice", "bob"))).ruleSet();
        assertThat(rules.evaluate(Rules.sysmon(1, "User", "BOB"))).hasSize(1);
        assertThat(rules.evaluate(Rules.sysmon(1, "User", "carol"))).isEmpty();
        assertThat(Rules.compile(rule).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("%admins%"));
    }

    @Test
    void numbersAndListValuesMatchByText() {
        Event e = Rules.sysmon(1, "LogonType", 3L, "Tags", List.of("one", "two"));
        assertThat(Rules.fires("s:\n  LogonType: 3\ncondition: s", e)).isTrue();
        assertThat(Rules.fires("s:\n  Tags: TWO\ncondition: s", e)).isTrue();
        assertThat(Rules.fires("s:\n  EventID: 1\ncondition: s", e)).isTrue();
    }

    @Test
    void keywordsMatchAnywhereInTheEvent() {
        Event e = Rules.sysmon(1, "CommandLine", "run Mimikatz now");
        assertThat(Rules.fires("keywords:\n  - 'mimikatz'\n  - 'other'\ncondition: keywords", e)).isTrue();
        assertThat(Rules.fires("keywords:\n  - 'absent'\ncondition: keywords", e)).isFalse();
    }
}
