package dev.tollgate.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelpDialogsTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void listsTheShortcutsInTheUsersLanguage() {
        assertThat(HelpDialogs.shortcuts().get(0).action()).isEqualTo("Approve the release under review (in the comment field)");

        Locale.setDefault(Locale.FRENCH);

        assertThat(HelpDialogs.shortcuts()).extracting(HelpDialogs.Shortcut::keys).startsWith("Ctrl+Enter", "Ctrl+Shift+Enter");
        assertThat(HelpDialogs.shortcuts().get(0).action()).startsWith("Approuver");
    }
}
