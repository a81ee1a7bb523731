package org.claimscrubber.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The diagnoses that support a procedure, as its document's related-diagnoses table shows them: the
 * ICD-10-CM categories (first three characters) of its rows. The table lists examples, so any code
 * in the same category supports the procedure (other C50 sites, both sides, both sexes); side and
 * sex stay the laterality and patient rules' job. A row whose wording the official label
 * contradicts (other than in side or sex) is not counted. {@code unrestricted} when an
 * interpretation says the list limits nothing.
 */
public record DiagnosisScope(
        String procedureCode,
        Set<String> categories,
        List<DiagnosisEntry> counted,
        List<DiagnosisEntry> notCounted,
        boolean unrestricted,
        TableInfo table,
        String interpretedBy)
        implements Cited {

    public DiagnosisScope {
        categories = Set.copyOf(new LinkedHashSet<>(categories));
        counted = List.copyOf(counted);
        notCounted = List.copyOf(notCounted);
    }

    public static String categoryOf(String code) {
        return code.length() >= 3 ? code.substring(0, 3) : code;
    }

    public boolean supports(String code) {
        return categories.contains(categoryOf(code));
    }

    public boolean supportsAny(List<Diagnosis> diagnoses) {
        for (Diagnosis diagnosis : diagnoses) {
            if (supports(diagnosis.code())) {
                return true;
            }
        }
        return false;
    }

    /** The categories in document order, e.g. "C50, D05, C77, N63". */
    public String categoryList() {
        return counted.stream()
                .map(row -> categoryOf(row.diagnosis()))
                .distinct()
                .collect(Collectors.joining(", "));
    }

    /** Why rows were left out, e.g. " D37.9 is not counted: ...". Empty when every row counts. */
    public String notCountedNote() {
        return notCounted.stream()
                .map(
                        row ->
                                " "
                                        + row.diagnosis()
                                        + " is not counted: "
                                        + row.check().problem()
                                        + ".")
                .collect(Collectors.joining());
    }

    @Override
    public String citation() {
        return table.citation()
                + notCounted.stream()
                        .map(row -> "; " + row.check().source())
                        .distinct()
                        .collect(Collectors.joining());
    }
}
