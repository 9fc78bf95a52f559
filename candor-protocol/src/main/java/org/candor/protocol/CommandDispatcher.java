package org.candor.protocol;

import org.agrona.DirectBuffer;
import org.candor.engine.Engine;
import org.candor.engine.HoldReason;
import org.candor.engine.MarketStatus;
import org.candor.engine.OrderType;
import org.candor.engine.RejectReason;
import org.candor.engine.Side;
import org.candor.engine.StpMode;
import org.candor.engine.TimeInForce;
import org.candor.protocol.sbe.CancelAllOrdersCommandDecoder;
import org.candor.protocol.sbe.CancelOrderCommandDecoder;
import org.candor.protocol.sbe.CancelWithdrawalCommandDecoder;
import org.candor.protocol.sbe.CompleteWithdrawalCommandDecoder;
import org.candor.protocol.sbe.CreateAssetCommandDecoder;
import org.candor.protocol.sbe.CreateMarketCommandDecoder;
import org.candor.protocol.sbe.CreateUserCommandDecoder;
import org.candor.protocol.sbe.DepositCommandDecoder;
import org.candor.protocol.sbe.FailWithdrawalCommandDecoder;
import org.candor.protocol.sbe.MoveOrderCommandDecoder;
import org.candor.protocol.sbe.PlaceHoldCommandDecoder;
import org.candor.protocol.sbe.PlaceOrderCommandDecoder;
import org.candor.protocol.sbe.ReduceOrderCommandDecoder;
import org.candor.protocol.sbe.ReleaseHoldCommandDecoder;
import org.candor.protocol.sbe.RequestWithdrawalCommandDecoder;
import org.candor.protocol.sbe.SetMarketStatusCommandDecoder;

/**
 * Decodes one command message and applies it to the engine. A message that is not a readable command of this
 * schema (unknown template, other schema, newer version, truncated) throws {@link ProtocolException} before the
 * engine sees anything. Nothing is allocated except the strings of the rare createAsset and createMarket, so one
 * dispatcher belongs to the engine's thread.
 */
public final class CommandDispatcher {
    private final Engine engine;
    private final MessageHeaderReader reader = new MessageHeaderReader();
    private final CreateAssetCommandDecoder createAsset = new CreateAssetCommandDecoder();
    private final CreateMarketCommandDecoder createMarket = new CreateMarketCommandDecoder();
    private final SetMarketStatusCommandDecoder setMarketStatus = new SetMarketStatusCommandDecoder();
    private final CreateUserCommandDecoder createUser = new CreateUserCommandDecoder();
    private final DepositCommandDecoder deposit = new DepositCommandDecoder();
    private final RequestWithdrawalCommandDecoder requestWithdrawal = new RequestWithdrawalCommandDecoder();
    private final CompleteWithdrawalCommandDecoder completeWithdrawal = new CompleteWithdrawalCommandDecoder();
    private final FailWithdrawalCommandDecoder failWithdrawal = new FailWithdrawalCommandDecoder();
    private final CancelWithdrawalCommandDecoder cancelWithdrawal = new CancelWithdrawalCommandDecoder();
    private final PlaceHoldCommandDecoder placeHold = new PlaceHoldCommandDecoder();
    private final ReleaseHoldCommandDecoder releaseHold = new ReleaseHoldCommandDecoder();
    private final PlaceOrderCommandDecoder placeOrder = new PlaceOrderCommandDecoder();
    private final CancelOrderCommandDecoder cancelOrder = new CancelOrderCommandDecoder();
    private final CancelAllOrdersCommandDecoder cancelAllOrders = new CancelAllOrdersCommandDecoder();
    private final ReduceOrderCommandDecoder reduceOrder = new ReduceOrderCommandDecoder();
    private final MoveOrderCommandDecoder moveOrder = new MoveOrderCommandDecoder();

    /** A dispatcher that applies commands to {@code engine}. */
    public CommandDispatcher(final Engine engine) {
        this.engine = engine;
    }

    /**
     * Applies the command in {@code length} bytes at {@code offset} and returns the engine's answer.
     *
     * @throws ProtocolException if the bytes are not a command this build can read
     */
    public RejectReason dispatch(final DirectBuffer buffer, final int offset, final int length) {
        final int templateId = reader.read(buffer, offset, length);
        final int body = MessageHeaderReader.bodyOffset(offset);
        return switch (templateId) {
            case CreateAssetCommandDecoder.TEMPLATE_ID -> createAsset(buffer, body);
            case CreateMarketCommandDecoder.TEMPLATE_ID -> createMarket(buffer, body);
            case SetMarketStatusCommandDecoder.TEMPLATE_ID -> setMarketStatus(buffer, body);
            case CreateUserCommandDecoder.TEMPLATE_ID -> createUser(buffer, body);
            case DepositCommandDecoder.TEMPLATE_ID -> deposit(buffer, body);
            case RequestWithdrawalCommandDecoder.TEMPLATE_ID -> requestWithdrawal(buffer, body);
            case CompleteWithdrawalCommandDecoder.TEMPLATE_ID -> completeWithdrawal(buffer, body);
            case FailWithdrawalCommandDecoder.TEMPLATE_ID -> failWithdrawal(buffer, body);
            case CancelWithdrawalCommandDecoder.TEMPLATE_ID -> cancelWithdrawal(buffer, body);
            case PlaceHoldCommandDecoder.TEMPLATE_ID -> placeHold(buffer, body);
            case ReleaseHoldCommandDecoder.TEMPLATE_ID -> releaseHold(buffer, body);
            case PlaceOrderCommandDecoder.TEMPLATE_ID -> placeOrder(buffer, body);
            case CancelOrderCommandDecoder.TEMPLATE_ID -> cancelOrder(buffer, body);
            case CancelAllOrdersCommandDecoder.TEMPLATE_ID -> cancelAllOrders(buffer, body);
            case ReduceOrderCommandDecoder.TEMPLATE_ID -> reduceOrder(buffer, body);
            case MoveOrderCommandDecoder.TEMPLATE_ID -> moveOrder(buffer, body);
            default -> throw reader.unknownTemplate("command");
        };
    }

    private RejectReason createAsset(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CreateAssetCommandDecoder.BLOCK_LENGTH);
        final CreateAssetCommandDecoder m = createAsset.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.createAsset(m.clientId(), m.commandId(), m.timestampMs(), m.assetId(), m.code(), m.scale());
    }

    private RejectReason createMarket(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CreateMarketCommandDecoder.BLOCK_LENGTH);
        final CreateMarketCommandDecoder m = createMarket.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.createMarket(m.clientId(), m.commandId(), m.timestampMs(), m.marketId(), m.symbol(),
            m.baseAssetId(), m.quoteAssetId(), m.tickSize(), m.lotSize(), m.minQuantity(), m.maxQuantity(),
            m.minNotional(), m.makerFeeBps(), m.takerFeeBps());
    }

    private RejectReason setMarketStatus(final DirectBuffer buffer, final int body) {
        reader.requireBlock(SetMarketStatusCommandDecoder.BLOCK_LENGTH);
        final SetMarketStatusCommandDecoder m =
            setMarketStatus.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.setMarketStatus(m.clientId(), m.commandId(), m.timestampMs(), m.marketId(),
            MarketStatus.fromCode(m.status()));
    }

    private RejectReason createUser(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CreateUserCommandDecoder.BLOCK_LENGTH);
        final CreateUserCommandDecoder m = createUser.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.createUser(m.clientId(), m.commandId(), m.timestampMs(), m.userId());
    }

    private RejectReason deposit(final DirectBuffer buffer, final int body) {
        reader.requireBlock(DepositCommandDecoder.BLOCK_LENGTH);
        final DepositCommandDecoder m = deposit.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.deposit(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.assetId(), m.amount(),
            m.depositRef());
    }

    private RejectReason requestWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(RequestWithdrawalCommandDecoder.BLOCK_LENGTH);
        final RequestWithdrawalCommandDecoder m =
            requestWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.requestWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.assetId(),
            m.amount());
    }

    private RejectReason completeWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CompleteWithdrawalCommandDecoder.BLOCK_LENGTH);
        final CompleteWithdrawalCommandDecoder m =
            completeWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.completeWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId());
    }

    private RejectReason failWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(FailWithdrawalCommandDecoder.BLOCK_LENGTH);
        final FailWithdrawalCommandDecoder m =
            failWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.failWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.withdrawalId());
    }

    private RejectReason cancelWithdrawal(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CancelWithdrawalCommandDecoder.BLOCK_LENGTH);
        final CancelWithdrawalCommandDecoder m =
            cancelWithdrawal.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.cancelWithdrawal(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.withdrawalId());
    }

    private RejectReason placeHold(final DirectBuffer buffer, final int body) {
        reader.requireBlock(PlaceHoldCommandDecoder.BLOCK_LENGTH);
        final PlaceHoldCommandDecoder m = placeHold.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.placeHold(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.assetId(), m.amount(),
            HoldReason.fromCode(m.reason()), m.operatorId());
    }

    private RejectReason releaseHold(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ReleaseHoldCommandDecoder.BLOCK_LENGTH);
        final ReleaseHoldCommandDecoder m = releaseHold.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.releaseHold(m.clientId(), m.commandId(), m.timestampMs(), m.holdId(), m.operatorId());
    }

    private RejectReason placeOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(PlaceOrderCommandDecoder.BLOCK_LENGTH);
        final PlaceOrderCommandDecoder m = placeOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.placeOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            Side.fromCode(m.side()), OrderType.fromCode(m.orderType()), TimeInForce.fromCode(m.timeInForce()),
            m.price(), m.quantity(), m.quoteBudget(), m.clientOrderId(), StpMode.fromCode(m.stpMode()));
    }

    private RejectReason cancelOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CancelOrderCommandDecoder.BLOCK_LENGTH);
        final CancelOrderCommandDecoder m = cancelOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.cancelOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            m.orderId(), m.clientOrderId());
    }

    private RejectReason cancelAllOrders(final DirectBuffer buffer, final int body) {
        reader.requireBlock(CancelAllOrdersCommandDecoder.BLOCK_LENGTH);
        final CancelAllOrdersCommandDecoder m =
            cancelAllOrders.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.cancelAllOrders(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId());
    }

    private RejectReason reduceOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(ReduceOrderCommandDecoder.BLOCK_LENGTH);
        final ReduceOrderCommandDecoder m = reduceOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.reduceOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            m.orderId(), m.reduceBy());
    }

    private RejectReason moveOrder(final DirectBuffer buffer, final int body) {
        reader.requireBlock(MoveOrderCommandDecoder.BLOCK_LENGTH);
        final MoveOrderCommandDecoder m = moveOrder.wrap(buffer, body, reader.blockLength(), reader.version());
        return engine.moveOrder(m.clientId(), m.commandId(), m.timestampMs(), m.userId(), m.marketId(),
            m.orderId(), m.newPrice());
    }
}
