"""Archives: the JSON-lines files `runsteps export` writes, one object per line exactly as the server
sent it. `reading` reads one as a stream, `resuming` finds where an interrupted export stopped,
`index` finds any object in one without holding it in memory (the emulator serves archives from it)."""
