package org.candor.gateway;

import java.util.List;
import org.candor.cluster.CommandResult;

/** The engine's answer to one command, with the executions of the order it placed (empty for other commands). */
record CommandOutcome(CommandResult result, List<Fill> fills) {
    CommandOutcome {
        fills = List.copyOf(fills);
    }
}
