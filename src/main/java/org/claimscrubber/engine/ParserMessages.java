package org.claimscrubber.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' raw parser messages ("[ERR 102] Line 18:0 mismatched input '&lt;eof&gt;' in rule "X"")
 * said as an analyst needs them, for the mistakes made most when editing DRL by hand: a rule
 * without {@code end} or {@code then}, an unclosed bracket or string, '=' for '==', a missing comma
 * between constraints, a binding without ':', an unquoted rule name and a misspelt keyword ({@link
 * Messages} says a statement without ';'). Anything else is left as Drools says it.
 */
final class ParserMessages {

    private static final Pattern MISMATCHED =
            Pattern.compile("mismatched input '(.*?)'( in pattern)?( in rule \"(.*?)\")?");
    private static final String[] KEYWORDS = {
        "rule", "when", "then", "end", "import", "global", "package"
    };

    private ParserMessages() {}

    /**
     * @param lines the file's lines; {@code line} and {@code column} are 1-based, where Drools put
     *     the error
     * @param ruleLine the line of the rule the error is in (0: not known)
     */
    static String explain(String message, String[] lines, int line, int column, int ruleLine) {
        Matcher mismatched = MISMATCHED.matcher(message);
        if (!mismatched.find() || lines == null) {
            return message;
        }
        String input = mismatched.group(1);
        String rule = mismatched.group(4);
        String named = rule == null ? "the rule" : "rule \"" + rule + "\"";
        String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        String starting = ruleLine > 0 ? " starting at line " + ruleLine : "";
        if (input.equals("<eof>")) {
            return named
                    + starting
                    + " has no 'end': the file ends inside it (every rule ends with a line 'end')";
        }
        if (input.equals("end") && !between(lines, ruleLine, line, "then")) {
            return named
                    + starting
                    + " has no 'then': write 'then' between its conditions and what it does";
        }
        if (input.equals("then") || input.equals("end")) {
            int open = lastPatternLine(lines, line);
            return "a condition is not closed before '"
                    + input
                    + "': a '(' without its ')'"
                    + (open > 0 ? " on line " + open : "")
                    + "?";
        }
        int unclosed = oddQuotes(lines, ruleLine, line);
        if (unclosed > 0) {
            return "a string is not closed on line " + unclosed + ": a '\"' without its partner";
        }
        if (input.isEmpty()) {
            return "the file cannot be read on from here (this follows the problem reported above)";
        }
        if (input.equals("=")) {
            return "'=' assigns; a condition compares with '==' (procedureCode == \"0352T\")";
        }
        if (count(text, '"') % 2 == 1) {
            return "a string is not closed on this line: a '\"' without its partner";
        }
        if (mismatched.group(2) != null) {
            return "a fact is bound as '$name : Type(...)': is the ':' missing before '"
                    + input
                    + "'?";
        }
        String keyword = nearKeyword(input);
        if (keyword != null && text.strip().startsWith(input)) {
            return "'" + input + "' is not a DRL keyword: did you mean '" + keyword + "'?";
        }
        if (text.strip().startsWith("rule ") && !text.strip().startsWith("rule \"")) {
            return "a rule's name is written in double quotes: rule \""
                    + text.strip().substring(5).strip()
                    + "\"";
        }
        if (column > 1 && inParentheses(text, column - 1)) {
            return "constraints are separated by commas: is a ',' missing before '" + input + "'?";
        }
        return message;
    }

    /**
     * The first line from the rule's start up to {@code line} with an odd number of '"' (0: none).
     */
    private static int oddQuotes(String[] lines, int from, int line) {
        for (int i = Math.max(from - 1, 0); i < Math.min(line, lines.length); i++) {
            if (count(lines[i].replace("\\\"", ""), '"') % 2 == 1) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean between(String[] lines, int from, int to, String keyword) {
        for (int i = Math.max(from - 1, 0); i < Math.min(to - 1, lines.length); i++) {
            if (lines[i].strip().equals(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The last line before {@code line} whose '(' are not all closed. */
    private static int lastPatternLine(String[] lines, int line) {
        for (int i = Math.min(line - 2, lines.length - 1); i >= 0; i--) {
            if (count(lines[i], '(') > count(lines[i], ')')) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean inParentheses(String text, int at) {
        int depth = 0;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
        }
        return depth > 0;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static String nearKeyword(String word) {
        for (String keyword : KEYWORDS) {
            if (!keyword.equals(word) && distance(keyword, word) <= 2 && word.length() >= 3) {
                return keyword;
            }
        }
        return null;
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                                d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
