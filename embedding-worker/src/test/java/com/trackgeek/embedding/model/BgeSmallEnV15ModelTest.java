package com.trackgeek.embedding.model;

class BgeSmallEnV15ModelTest extends InProcessModelContract {

    @Override
    InProcessModel load(int threads) {
        return new BgeSmallEnV15Model(threads);
    }

    @Override
    String storedName() {
        return "bge-small-en-v15-q";
    }
}
