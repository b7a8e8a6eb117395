package cn.ruralwatch.memory;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.jboss.logging.Logger;

/**
 * Asks the C library to return freed native memory to the operating system, through the JVM's diagnostic command
 * {@code System.trim_native_heap} (the one {@code jcmd PID System.trim_native_heap} runs). glibc keeps memory freed by
 * the JVM's threads (compiler arenas, buffers) in its arenas until asked; on a C library without the call the JVM
 * answers that it is not supported, and nothing changes.
 */
final class NativeHeap {

    private static final Logger LOG = Logger.getLogger(NativeHeap.class);
    private static final String[] SIGNATURE = {String[].class.getName()};

    private NativeHeap() {}

    static void trim() {
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "systemTrimNativeHeap",
                            new Object[] {new String[0]},
                            SIGNATURE);
            LOG.debugf("System.trim_native_heap: %s", answer);
        } catch (JMException unavailable) {
            LOG.debugf("System.trim_native_heap is not available here: %s", unavailable.toString());
        }
    }
}
