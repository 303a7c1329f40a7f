package org.podloop.intake;

/** The file had bad lines: nothing of it was stored. */
class ImportRejectedException extends RuntimeException {

    private final ImportResult result;

    ImportRejectedException(ImportResult result) {
        super(result.errorCount() + " bad line(s); nothing was imported");
        this.result = result;
    }

    ImportResult result() {
        return result;
    }
}
