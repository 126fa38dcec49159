package com.trackgeek.embedding.model;

class AllMiniLmL6V2ModelTest extends InProcessModelContract {

    @Override
    InProcessModel load(int threads) {
        return new AllMiniLmL6V2Model(threads);
    }

    @Override
    String storedName() {
        return "all-minilm-l6-v2-q";
    }
}
