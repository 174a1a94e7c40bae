package io.vigil.detect.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexLiteralsTest {

    /** Each row: regex, the literal expected, and a value the regex matches (which must contain the literal). */
    @ParameterizedTest(name = "/{0}/ needs ''{1}''")
    @CsvSource(delimiter = '~', quoteCharacter = '"', textBlock = """
            cmd\\.exe                         ~ cmd.exe        ~ C:\\x\\cmd.exe
            (?i)echo.*clip.*&&               ~ echo           ~ ECHO x | CLIP && y
            ab?cdef                          ~ cdef           ~ acdef
            abc+def                          ~ abc            ~ abcccdef
            x{0,3}hello                      ~ hello          ~ hello
            \\\\wkssvc_?[0-9a-f]{2}          ~ \\wkssvc       ~ \\\\.\\pipe\\wkssvc_1f
            (?:Copy-Item|cpi) .{2} -Dest     ~ " -dest"       ~ cpi ab -Destination
            foo|barbaz                       ~ ""             ~ foo
            (?i)(set).*&&\\s?set             ~ set            ~ SET a && set b
            (abc)?defg                       ~ defg           ~ defg
            (abcd)+e                         ~ abcd           ~ abcdabcde
            \\x41BCD                          ~ bcd            ~ ABCD
            [abc]+xyz[^]q]w                  ~ xyz            ~ axyzrw
            (?i)sekurlsa                     ~ sekurlsa       ~ ſEKURLſA
            """)
    void findsALiteralEveryMatchContains(String regex, String literal, String example) {
        assertThat(Pattern.compile(regex).matcher(example).find()).as("example matches").isTrue();
        assertThat(RegexLiterals.required(regex)).isEqualTo(literal);
        String scanned = example.toLowerCase(Locale.ROOT).replace('\u017f', 's');
        assertThat(scanned).contains(literal);
    }
}
