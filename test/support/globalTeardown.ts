import { stopSharedChromium } from "./sharedChromium";

export default stopSharedChromium;
