import { precompressedDir, readPrecompressed, writePrecompressed } from '../src/webchat/precompressed';
import { readWebChatBundle, WEBCHAT_BUNDLE_NAME } from '../src/webchat/webFiles';

/**
 * Part of npm run build: gzips Web Chat's browser bundle (3.9 MB) once, into dist/webchat/, so that the
 * service does not compress it on every start (without the file it compresses it on the first request
 * that accepts gzip, once). Skipped when the gzip there was made from this very bundle. Prints nothing:
 * commands such as npm run staff build first and their output must stay theirs.
 */
const bundle = readWebChatBundle();
if (!readPrecompressed(precompressedDir(), WEBCHAT_BUNDLE_NAME, bundle)) writePrecompressed(precompressedDir(), WEBCHAT_BUNDLE_NAME, bundle);
