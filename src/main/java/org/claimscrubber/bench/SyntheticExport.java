package org.claimscrubber.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.claimscrubber.domain.Npi;

/**
 * A synthetic claim export for benchmarks, load tests and demos: a realistic mix of claims (office
 * visits, labs, imaging, emergency visits, and the seed codes with the surgery or pathology they go
 * with), payers, modifiers and diagnoses, with a small rate of deliberate defects (about 2% of
 * lines). The same seed always gives the same file. Claims are contiguous, as exports usually are.
 */
public final class SyntheticExport {

    public static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                    + "diagnosis_codes,rendering_npi,rendering_taxonomy,place_of_service,payer,patient_id,patient_sex,"
                    + "patient_birth_date,charge";

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 1);
    private static final int DAYS = 50;
    private static final String[] PAYERS = {
        "Medicare",
        "Medicare",
        "Aetna",
        "Blue Cross Blue Shield",
        "Cigna",
        "UnitedHealthcare",
        "Humana",
        "Medicaid"
    };
    private static final String[] GENERAL_DX = {
        "E11.9", "I10", "J06.9", "M54.50", "Z00.00", "E78.5", "R51.9", "K21.9", "F41.1", "J45.909"
    };
    private static final String[] LAB_CODES = {"80053", "85025", "83036", "80061", "84443"};

    private final SplittableRandom random;
    private final Writer out;
    private long claimNumber;
    private long lines;

    private SyntheticExport(long seed, Writer out) {
        this.random = new SplittableRandom(seed);
        this.out = out;
    }

    /**
     * Writes a header and about {@code lineCount} lines (exactly, cutting the last claim short if
     * need be).
     */
    public static void write(long lineCount, long seed, Writer out) throws IOException {
        SyntheticExport export = new SyntheticExport(seed, out);
        out.write(HEADER);
        out.write('\n');
        while (export.lines < lineCount) {
            export.claim(lineCount - export.lines);
        }
        out.flush();
    }

    /** One claim of a randomly chosen kind. */
    private void claim(long room) throws IOException {
        Claim claim = new Claim("CLM" + String.format("%09d", ++claimNumber));
        int kind = random.nextInt(100);
        if (kind < 30) {
            officeVisit(claim);
        } else if (kind < 45) {
            labs(claim);
        } else if (kind < 57) {
            imaging(claim);
        } else if (kind < 65) {
            emergency(claim);
        } else if (kind < 75) {
            pathology(claim);
        } else if (kind < 85) {
            breastSurgery(claim);
        } else if (kind < 90) {
            ablation(claim);
        } else if (kind < 91) {
            skinImaging(claim);
        } else {
            officeVisit(claim);
            labs(claim);
        }
        if (random.nextInt(100) < 3) {
            defect(claim);
        }
        for (int i = 0; i < claim.lines.size() && i < room; i++) {
            out.write(claim.lines.get(i).csv(claim, i + 1));
            lines++;
        }
    }

    private void officeVisit(Claim claim) {
        String dx = pick(GENERAL_DX);
        claim.add(pick("99213", "99214", "99203", "99204"), "", 1, dx, "207Q00000X", "11", 135);
        if (random.nextInt(3) == 0) {
            claim.add("36415", "", 1, dx, "207Q00000X", "11", 12);
        }
    }

    private void labs(Claim claim) {
        String dx = pick(GENERAL_DX);
        int tests = 1 + random.nextInt(3);
        int first = random.nextInt(LAB_CODES.length);
        for (int i = 0; i < tests; i++) {
            claim.add(LAB_CODES[(first + i) % LAB_CODES.length], "", 1, dx, "291U00000X", "81", 28);
        }
    }

    private void imaging(Claim claim) {
        String dx = pick("Z12.31", "N63.10", "N63.20", "R92.8");
        claim.add(
                pick("77065", "77066", "77067", "76641"),
                random.nextBoolean() ? "" : "26",
                1,
                dx,
                "2085R0202X",
                pick("22", "11"),
                180);
    }

    private void emergency(Claim claim) {
        String dx = pick("R07.9", "S09.90XA", "R10.9", "J18.9");
        claim.add(pick("99283", "99284", "99285"), "25", 1, dx, "207P00000X", "23", 420);
        claim.add("71046", "26", 1, dx, "2085R0202X", "23", 60);
    }

    /** Surgical pathology, often with slide digitisation (0753T, an add-on to 88305). */
    private void pathology(Claim claim) {
        String dx = pick("C18.9", "C61", "C50.911", "C71.9", "D37.9");
        claim.add("88305", random.nextBoolean() ? "" : "26", 1, dx, "207Q00000X", "81", 96);
        if (random.nextInt(3) > 0) {
            claim.add(
                    "0753T",
                    pick("", "TC", "26", "59"),
                    1,
                    dx,
                    pick("363L00000X", "390200000X", "207Q00000X"),
                    "81",
                    45);
        }
        if (random.nextInt(4) == 0) {
            claim.add("88342", "", 1, dx, "207Q00000X", "81", 110);
        }
    }

    /** A lumpectomy with OCT of the specimen (0352T) or of the cavity (0353T). */
    private void breastSurgery(Claim claim) {
        boolean right = random.nextBoolean();
        String side = right ? "RT" : "LT";
        String dx = right ? "C50.911" : "C50.912";
        String pos = pick("22", "24", "19");
        claim.add("19301", side, 1, dx, "207Q00000X", pos, 4210);
        if (random.nextBoolean()) {
            claim.add("0352T", pick("", "", "22"), 1, dx, "207Q00000X", pos, 650);
        } else {
            claim.add("0353T", pick("26", "TC"), 1, dx, "207Q00000X", pos, 480);
        }
        if (random.nextInt(5) == 0) {
            claim.add("38525", side, 1, "C77.3", "207Q00000X", pos, 1900);
        }
    }

    private void ablation(Claim claim) {
        boolean right = random.nextBoolean();
        claim.add(
                "0971T",
                "",
                1,
                right ? "C50.911" : "C50.912",
                "2086X0206X",
                pick("24", "22"),
                3800);
    }

    private void skinImaging(Claim claim) {
        String dx = pick("L57.0", "C44.91", "D04.9");
        claim.add("0470T", "", 1, dx, "207N00000X", "11", 210);
        claim.add("0471T", "", 1 + random.nextInt(3), dx, "207N00000X", "11", 105);
    }

    /** One deliberate defect of a common kind. */
    private void defect(Claim claim) {
        Line line = claim.lines.get(random.nextInt(claim.lines.size()));
        switch (random.nextInt(8)) {
            case 0 -> line.date = "2026-02-30";
            case 1 -> line.diagnoses = "";
            case 2 -> line.units = "one";
            case 3 -> claim.lines.add(line.copy());
            case 4 -> claim.sex = "M";
            case 5 -> line.modifiers = line.modifiers.isEmpty() ? "RT;LT" : line.modifiers + ";59";
            case 6 -> line.procedure = line.procedure.substring(0, 4);
            default -> line.taxonomy = "207ZP0102X";
        }
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** A claim being built: patient, payer, date, provider, and its lines. */
    private final class Claim {
        final String id;
        final String payer = pick(PAYERS);
        final String patient = String.format("PT%08d", random.nextInt(100_000_000));
        final String birthDate =
                LocalDate.of(
                                1935 + random.nextInt(70),
                                1 + random.nextInt(12),
                                1 + random.nextInt(28))
                        .toString();
        final String date = FIRST_DAY.plusDays(random.nextInt(DAYS)).toString();
        final String npi = validNpi(random);
        String sex = random.nextInt(10) < 6 ? "F" : "M";
        final List<Line> lines = new ArrayList<>(4);

        Claim(String id) {
            this.id = id;
        }

        void add(
                String procedure,
                String modifiers,
                int units,
                String diagnoses,
                String taxonomy,
                String pos,
                int charge) {
            Line line = new Line();
            line.procedure = procedure;
            line.modifiers = modifiers;
            line.units = Integer.toString(units);
            line.diagnoses = diagnoses;
            line.taxonomy = taxonomy;
            line.pos = pos;
            line.charge = charge + ".00";
            line.date = date;
            if (diagnoses.startsWith("C50") || diagnoses.startsWith("N63")) {
                sex = "F";
            } else if (diagnoses.startsWith("C61")) {
                sex = "M";
            }
            lines.add(line);
        }
    }

    /** One line's values. */
    private static final class Line {
        String date;
        String procedure;
        String modifiers;
        String units;
        String diagnoses;
        String taxonomy;
        String pos;
        String charge;

        Line copy() {
            Line copy = new Line();
            copy.date = date;
            copy.procedure = procedure;
            copy.modifiers = modifiers;
            copy.units = units;
            copy.diagnoses = diagnoses;
            copy.taxonomy = taxonomy;
            copy.pos = pos;
            copy.charge = charge;
            return copy;
        }

        String csv(Claim claim, int number) {
            return claim.id
                    + ','
                    + number
                    + ','
                    + date
                    + ','
                    + procedure
                    + ','
                    + modifiers
                    + ','
                    + units
                    + ','
                    + diagnoses
                    + ','
                    + claim.npi
                    + ','
                    + taxonomy
                    + ','
                    + pos
                    + ','
                    + claim.payer
                    + ','
                    + claim.patient
                    + ','
                    + claim.sex
                    + ','
                    + claim.birthDate
                    + ','
                    + charge
                    + '\n';
        }
    }

    /** A rendering NPI that passes the check digit, as real ones do. */
    private static String validNpi(SplittableRandom random) {
        String firstNine = "1" + String.format("%08d", random.nextInt(100_000_000));
        return firstNine + Npi.checkDigit(firstNine);
    }
}
