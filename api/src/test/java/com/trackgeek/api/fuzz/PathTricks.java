package com.trackgeek.api.fuzz;

import java.util.Locale;
import java.util.Random;

/**
 * What can be done to a path that still looks like a path: dot segments, doubled or trailing slashes, session ids
 * and matrix parameters (Tomcat strips them), backslashes, other cases, very long paths, other target forms.
 */
final class PathTricks {

    private PathTricks() {
    }

    static String apply(Draft draft, Random random) {
        String path = draft.path;
        int slash = slashAt(path, random);
        return switch (random.nextInt(18)) {
            case 0 -> set(draft, insert(path, slash, "/.."), "a '..' segment");
            case 1 -> set(draft, insert(path, slash, "/../.."), "'../..' segments");
            case 2 -> set(draft, "/../../../.." + path, "climbing above the root");
            case 3 -> set(draft, insert(path, slash, "/"), "a doubled slash");
            case 4 -> set(draft, path + ";jsessionid=0123456789ABCDEF", "a ;jsessionid=");
            case 5 -> set(draft, path + "/", "a trailing slash");
            case 6 -> set(draft, insert(path, path.indexOf('/', 1) > 0 ? path.indexOf('/', 1) : path.length(),
                    ";v=1;x=%ff"), "matrix parameters");
            case 7 -> set(draft, path.replace('/', '\\'), "backslashes");
            case 8 -> set(draft, insert(path, slash, "\\.."), "a backslash segment");
            case 9 -> set(draft, insert(path, slash, "/%2e%2e"), "an encoded '..'");
            case 10 -> set(draft, insert(path, slash, "/./."), "'.' segments");
            case 11 -> set(draft, path.toUpperCase(Locale.ROOT), "the path upper-cased");
            case 12 -> set(draft, path + "/" + "a".repeat(new int[]{1000, 8000, 70_000}[random.nextInt(3)]),
                    "a very long path");
            case 13 -> set(draft, path + "/x".repeat(new int[]{100, 2000}[random.nextInt(2)]), "many segments");
            case 14 -> {
                draft.targetOverride = "http://localhost" + draft.target();
                yield "the absolute form of the target";
            }
            case 15 -> {
                draft.targetOverride = FuzzValues.pick(random, java.util.List.of("*", "", "localhost:80", "?x=1",
                        "api/v1/anime/1", "//api/v1/anime/1", "http://evil.example/api/v1/anime/1"));
                yield "request target '" + draft.targetOverride + "'";
            }
            case 16 -> set(draft, insert(path, slash, "/" + FuzzValues.target(random)), "an extra segment");
            default -> set(draft, path + ";" + FuzzValues.target(random), "a path parameter");
        };
    }

    private static String set(Draft draft, String path, String label) {
        draft.path = path;
        return label;
    }

    private static int slashAt(String path, Random random) {
        int count = 0;
        for (int i = 0; i < path.length(); i++) {
            count += path.charAt(i) == '/' ? 1 : 0;
        }
        int which = random.nextInt(Math.max(1, count));
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/' && which-- == 0) {
                return i;
            }
        }
        return path.length();
    }

    private static String insert(String path, int at, String text) {
        return path.substring(0, at) + text + path.substring(at);
    }
}
