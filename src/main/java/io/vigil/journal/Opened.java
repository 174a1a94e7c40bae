package io.vigil.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The state a journal starts from: recovered segments plus the segment appends go to next. */
record Opened(SegmentSet segments, ActiveSegment active, long diskBytes, List<String> problems,
              ActiveSegment.Opener opener) {

    static Opened from(Path dir, ActiveSegment.Opener opener) throws IOException {
        SegmentRecovery.Result recovered = SegmentRecovery.recover(dir);
        ActiveSegment active = recovered.tail() != null
                ? ActiveSegment.reopen(recovered.tail().path(), recovered.tail().base(), recovered.tailSize(), opener)
                : ActiveSegment.create(dir, recovered.nextBase(), opener);
        List<SegmentFile> all = new ArrayList<>(recovered.sealed());
        all.add(active.file());
        long diskBytes = active.durableSize();
        for (SegmentFile s : recovered.sealed()) diskBytes += Files.size(s.path());
        SegmentSet segments = new SegmentSet(all, active.nextPosition());
        return new Opened(segments, active, diskBytes, recovered.problems(), opener);
    }
}
