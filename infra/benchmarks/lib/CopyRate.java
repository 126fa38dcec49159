/**
 * The memory-bandwidth yardstick of infra/benchmarks/similar.sh: how fast this machine copies an array of the size
 * a similar-titles scan reads, with System.arraycopy (best of many, after a warm-up), in the same run as the
 * latency measurement. A copy reads and writes every byte, so "bytes ÷ this rate" is a floor the scan can meet
 * (a scan only reads) but hardly beat by much.
 *
 *   java CopyRate.java BYTES [REPEATS]    prints: <bytes> <best seconds> <GB/s (1e9 bytes per second)>
 *
 * A single-file program, run with the build's JDK (>= 21) and no dependencies.
 */
public final class CopyRate {

    public static void main(String[] args) {
        int bytes = Integer.parseInt(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        byte[] source = new byte[bytes];
        byte[] target = new byte[bytes];
        new java.util.Random(1).nextBytes(source);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < repeats + 10; i++) {
            long start = System.nanoTime();
            System.arraycopy(source, 0, target, 0, bytes);
            long took = System.nanoTime() - start;
            if (i >= 10) { // the first copies touch fresh pages
                best = Math.min(best, took);
            }
            source[i % bytes] ^= target[(i * 7919) % bytes]; // the copies are used
        }
        double seconds = best / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%d %.6f %.3f%n", bytes, seconds, bytes / seconds / 1e9);
    }
}
