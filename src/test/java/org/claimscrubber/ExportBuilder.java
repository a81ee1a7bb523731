package org.claimscrubber;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds claim export text for tests: a claim line with good defaults (a known date, one unit, a
 * related diagnosis, a surgeon's taxonomy, an outpatient hospital) that each test changes only
 * where it matters.
 */
public final class ExportBuilder {

    public static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                    + "diagnosis_codes,rendering_taxonomy,place_of_service,payer,patient_sex,patient_birth_date";

    private final List<String> rows = new ArrayList<>();

    public static ExportBuilder claims() {
        return new ExportBuilder();
    }

    public Line line(String claimId, int lineNumber, String procedureCode) {
        return new Line(this, claimId, lineNumber, procedureCode);
    }

    public String csv() {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** One row; every setter returns the line, {@code and()} returns to the claims. */
    public static final class Line {
        private final ExportBuilder owner;
        private final String claimId;
        private final int lineNumber;
        private final String procedureCode;

        /** In FY2026, which a bundled ICD-10-CM list covers, so the diagnosis checks run. */
        private String date = "2026-09-14";

        private String modifiers = "";
        private String units = "1";
        private String diagnoses = "C50.911";
        private String taxonomy = "2086X0206X";
        private String placeOfService = "22";
        private String payer = "Aetna";
        private String sex = "F";
        private String birthDate = "";

        private Line(ExportBuilder owner, String claimId, int lineNumber, String procedureCode) {
            this.owner = owner;
            this.claimId = claimId;
            this.lineNumber = lineNumber;
            this.procedureCode = procedureCode;
        }

        public Line date(String value) {
            date = value;
            return this;
        }

        public Line modifiers(String value) {
            modifiers = value;
            return this;
        }

        public Line units(String value) {
            units = value;
            return this;
        }

        public Line diagnoses(String value) {
            diagnoses = value;
            return this;
        }

        public Line taxonomy(String value) {
            taxonomy = value;
            return this;
        }

        public Line placeOfService(String value) {
            placeOfService = value;
            return this;
        }

        public Line payer(String value) {
            payer = value;
            return this;
        }

        public Line sex(String value) {
            sex = value;
            return this;
        }

        public Line born(String value) {
            birthDate = value;
            return this;
        }

        public ExportBuilder and() {
            owner.rows.add(
                    String.join(
                            ",",
                            claimId,
                            String.valueOf(lineNumber),
                            date,
                            procedureCode,
                            quote(modifiers),
                            units,
                            quote(diagnoses),
                            taxonomy,
                            placeOfService,
                            payer,
                            sex,
                            birthDate));
            return owner;
        }

        public String csv() {
            return and().csv();
        }

        private static String quote(String value) {
            return value.contains(",") ? "\"" + value + "\"" : value;
        }
    }
}
