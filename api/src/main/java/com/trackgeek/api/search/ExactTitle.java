package com.trackgeek.api.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a query names a title outright: equal to it once case, accents and runs of white space are set
 * aside. A stored item so named is what the person looks for, so the database's answer is enough without a
 * provider. Only a comparison: matching and ranking stay the database's.
 */
final class ExactTitle {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ExactTitle() {
    }

    static boolean names(String query, String title, List<String> alternativeTitles) {
        String wanted = fold(query);
        return wanted.equals(fold(title)) || alternativeTitles.stream().map(ExactTitle::fold).anyMatch(wanted::equals);
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String withoutMarks = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return SPACES.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
