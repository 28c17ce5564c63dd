// The payload kinds slack-json knows, each typed with Slack's own published types. Upstream, `blocks`
// accepts the loose `Block` (whose `type` is any string), which would let a misspelt block through, so
// every blocks array here is narrowed to `KnownBlock[]`: each block must be one Slack documents.
import type { AppMentionEvent, HomeView, KnownBlock, ModalView } from '@slack/types';
import type {
  ChatPostEphemeralArguments, ChatPostMessageArguments, ChatUpdateArguments,
  ViewsOpenArguments, ViewsPublishArguments, ViewsPushArguments, ViewsUpdateArguments,
} from '@slack/web-api';
import type {
  BlockAction, EnvelopedEvent, RespondArguments, SlashCommand, ViewClosedAction,
  ViewPushResponseAction, ViewResponseAction, ViewSubmitAction, ViewUpdateResponseAction,
} from '@slack/bolt';

type KnownBlocksOnly = { blocks?: KnownBlock[] };
type Modal = ModalView & { blocks: KnownBlock[] };
type Home = HomeView & { blocks: KnownBlock[] };
type ViewReplacing = ViewUpdateResponseAction | ViewPushResponseAction;

export interface Kinds {
  'blocks': KnownBlock[];
  'message': ChatPostMessageArguments & KnownBlocksOnly;
  'ephemeral': ChatPostEphemeralArguments & KnownBlocksOnly;
  'update': ChatUpdateArguments & KnownBlocksOnly;
  'respond': RespondArguments & KnownBlocksOnly;
  'modal': Modal;
  'home': Home;
  'views-open': ViewsOpenArguments & { view: Modal | Home };
  'views-push': ViewsPushArguments & { view: Modal | Home };
  'views-update': ViewsUpdateArguments & { view: Modal | Home };
  'views-publish': ViewsPublishArguments & { view: Home };
  'view-response': Exclude<ViewResponseAction, ViewReplacing> | (ViewReplacing & { view: Modal });
  'in-command': SlashCommand;
  'in-block-actions': BlockAction;
  'in-view-submission': ViewSubmitAction;
  'in-view-closed': ViewClosedAction;
  'in-app-mention': EnvelopedEvent<AppMentionEvent>;
}
