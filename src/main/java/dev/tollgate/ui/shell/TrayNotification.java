package dev.tollgate.ui.shell;

import java.awt.AWTException;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.net.URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message from Tollgate's icon in the system tray (Windows, macOS, Linux desktops with a tray). The tray
 * icon has one action listener, fired when its message (or the icon) is clicked: it opens the approval the
 * latest message was about.
 */
final class TrayNotification implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotification.class);

    private final TrayIcon icon;
    private volatile Runnable latestClick = () -> { };

    private TrayNotification(TrayIcon icon) {
        this.icon = icon;
        icon.addActionListener(event -> latestClick.run());
    }

    /** The tray icon, put in the tray; null where the desktop has no tray. */
    static TrayNotification inTray(URL image) {
        if (!SystemTray.isSupported()) {
            return null;
        }
        Image picture = Toolkit.getDefaultToolkit().getImage(image);
        TrayIcon icon = new TrayIcon(picture, "Tollgate");
        icon.setImageAutoSize(true);
        try {
            SystemTray.getSystemTray().add(icon);
        } catch (AWTException e) {
            LOG.info("No tray icon for notifications: {}", e.getMessage());
            return null;
        }
        return new TrayNotification(icon);
    }

    @Override
    public void show(String title, String body, Runnable onClick) {
        latestClick = onClick;
        icon.displayMessage(title, body, TrayIcon.MessageType.INFO);
    }

    @Override
    public void close() {
        // A tray icon keeps AWT's event thread, and so the JVM, alive.
        SystemTray.getSystemTray().remove(icon);
    }
}
