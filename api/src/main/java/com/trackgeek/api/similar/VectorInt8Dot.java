package com.trackgeek.api.similar;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Dot} with the Vector API: half a register of bytes widened to shorts (a product of two int8 fits a
 * short), multiplied, then widened to ints and summed. Loaded only when the module is present ({@link Int8Dot}).
 */
final class VectorInt8Dot {

    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(SHORTS.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    private VectorInt8Dot() {
    }

    static int dot(byte[] codes, int offset, byte[] query, int dimensions) {
        IntVector sum = IntVector.zero(INTS);
        int step = BYTES.length();
        int i = 0;
        for (int bound = BYTES.loopBound(dimensions); i < bound; i += step) {
            ShortVector a = (ShortVector) ByteVector.fromArray(BYTES, codes, offset + i)
                    .convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector b = (ShortVector) ByteVector.fromArray(BYTES, query, i)
                    .convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector product = a.mul(b);
            sum = sum.add(product.convertShape(VectorOperators.S2I, INTS, 0))
                    .add(product.convertShape(VectorOperators.S2I, INTS, 1));
        }
        int total = sum.reduceLanes(VectorOperators.ADD);
        for (; i < dimensions; i++) {
            total += codes[offset + i] * query[i];
        }
        return total;
    }
}
