package org.mtmanager.firewall.nftables;

import java.util.ArrayList;
import java.util.List;

/** Reads the elements out of {@code nft list set|map} output, however nft wraps them. */
final class NftListing {
    private NftListing() {
    }

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
