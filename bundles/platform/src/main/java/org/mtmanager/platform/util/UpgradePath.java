package org.mtmanager.platform.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/**
 * The platform's PBX upgrade path ("15.0 > 15.3 > 16.0 > 16.2"): each version is a step that must be taken in
 * order, the last one is the latest. An upgrade takes a machine from its version through every later step.
 */
public final class UpgradePath {
    private static final Pattern VERSION = Pattern.compile("^\\d{1,4}(\\.\\d{1,4}){0,3}$");

    private final List<String> versions;

    private UpgradePath(List<String> versions) {
        this.versions = List.copyOf(versions);
    }

    /** Parses and checks a path: at least one version, each well-formed, strictly increasing. */
    public static UpgradePath parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw MtmException.invalid(field, "is required");
        }
        List<String> versions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split(">|,")) {
            String v = part.strip();
            if (!VERSION.matcher(v).matches()) {
                throw MtmException.invalid(field, "'" + v + "' is not a version such as 16.2");
            }
            if (!seen.add(v)) {
                throw MtmException.invalid(field, "version " + v + " appears twice");
            }
            if (!versions.isEmpty() && compare(versions.get(versions.size() - 1), v) >= 0) {
                throw MtmException.invalid(field, "versions must increase along the path: " + v + " follows "
                    + versions.get(versions.size() - 1));
            }
            versions.add(v);
        }
        return new UpgradePath(versions);
    }

    public String latest() {
        return versions.get(versions.size() - 1);
    }

    public List<String> versions() {
        return versions;
    }

    /** The steps from {@code current} to the latest version; empty when already there. */
    public List<String> stepsFrom(String current) {
        int at = versions.indexOf(current);
        if (at < 0) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "pbxVersion", "pbxVersion: " + current
                + " is not on the platform's upgrade path (" + this + ")");
        }
        return versions.subList(at + 1, versions.size());
    }

    /** Compares dotted versions numerically ("16.10" is after "16.9"). */
    public static int compare(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(" > ", versions);
    }
}
