package org.mtmanager.firewall.nftables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the elements out of {@code nft list} output, however nft wraps them. */
final class NftListing {
    private NftListing() {
    }

    /** The elements of the set or map {@code name} in a listing of its table; none when it is absent or empty. */
    static List<String> elements(String listing, String name) {
        Matcher header = Pattern.compile("(?m)^\\s*(set|map) " + Pattern.quote(name) + " \\{").matcher(listing);
        if (!header.find()) {
            return List.of();
        }
        // A set's block ends at the first closing brace on a line of its own.
        Matcher end = Pattern.compile("(?m)^\\s*\\}").matcher(listing);
        int stop = end.find(header.end()) ? end.start() : listing.length();
        return elements(listing.substring(header.end(), stop));
    }

    /** The elements of the first set or map in {@code listing}. */
    static List<String> elements(String listing) {
        int start = listing.indexOf("elements = {");
        if (start < 0) {
            return List.of();
        }
        int end = listing.indexOf('}', start);
        String body = listing.substring(start + "elements = {".length(), end).replaceAll("\\s+", " ");
        List<String> out = new ArrayList<>();
        for (String e : body.split(",")) {
            if (!e.isBlank()) {
                out.add(e.strip());
            }
        }
        return out;
    }
}
