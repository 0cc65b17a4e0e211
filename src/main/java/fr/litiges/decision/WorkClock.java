package fr.litiges.decision;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures a decision's own work. Processor time of the deciding thread is the default: garbage
 * collection pauses, other requests and a cold JIT on a busy machine do not count against a
 * decision that did not loop, where wall-clock time would blame it for them.
 */
@FunctionalInterface
interface WorkClock {
    long now();

    WorkClock WALL = System::nanoTime;

    /** The deciding thread's processor time (the wall clock where the JVM cannot tell it), looked up once. */
    static WorkClock processorTime() {
        return ProcessorTime.CLOCK;
    }

    /** Holder: the JVM's thread bean is looked up once, not per decision. */
    final class ProcessorTime {
        private static final WorkClock CLOCK = create();

        private ProcessorTime() {
        }

        private static WorkClock create() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isCurrentThreadCpuTimeSupported()) {
                if (!threads.isThreadCpuTimeEnabled()) {
                    threads.setThreadCpuTimeEnabled(true);
                }
                return threads::getCurrentThreadCpuTime;
            }
            return WALL;
        }
    }
}
