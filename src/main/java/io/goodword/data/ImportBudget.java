package io.goodword.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What one archive may cost: uncompressed bytes read, rows, image pixels (the caps are {@link WorkspaceImport}'s). */
final class ImportBudget {
    /** Thrown by the budgeted stream when the archive holds more than {@link WorkspaceImport#MAX_UNCOMPRESSED} bytes. */
    static final class TooLarge extends IOException {
        TooLarge() { super("too large", null); }
    }

    private long bytes;
    private int rows;
    private long pixels;

    InputStream limit(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) count(n);
                return n;
            }
        };
    }

    private void count(int n) throws TooLarge {
        if ((bytes += n) > WorkspaceImport.MAX_UNCOMPRESSED) throw new TooLarge();
    }

    void row(String table) throws WorkspaceImport.Rejected {
        if (++rows > WorkspaceImport.MAX_ROWS) throw new WorkspaceImport.Rejected("data.import.tooManyRows", table);
    }

    void pixels(long p) throws WorkspaceImport.Rejected {
        if ((pixels += p) > WorkspaceImport.MAX_IMAGE_PIXELS) throw new WorkspaceImport.Rejected("data.import.tooManyPixels");
    }
}
